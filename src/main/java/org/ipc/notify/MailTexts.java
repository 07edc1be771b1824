package org.ipc.notify;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of every mail. English here; patients' languages in
 * {@code src/main/resources/messages/mail_<language>.properties}. Physicians are written to in English, the
 * Center's working language. Only the reference, the step and where to look or whom to call: never a diagnosis, a
 * department, a document or anything from the clinical summary.
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailTexts {

    // Every mail

    @Message("Dear {name},")
    String greeting(String name);

    @Message("Reference: {reference}")
    String referenceLine(String reference);

    @Message("How to reach us")
    String contactHeading();

    @Message("Office hours: Monday to Friday, {opens}–{closes} in {officeZone}; that is {localOpens}–{localCloses} your time ({zone}). Closed on US public holidays.")
    String officeHours(String opens, String closes, String officeZone, String localOpens, String localCloses, String zone);

    @Message("Telephone: {phone}")
    String phoneLine(String phone);

    @Message("E-mail: {email}")
    String emailLine(String email);

    @Message("For your privacy, our e-mails never contain medical information. Please do not send medical details by e-mail.")
    String privacyNote();

    @Message("to be confirmed")
    String toBeConfirmed();

    // To the patient

    @Message("We have received your request {reference}")
    String receivedSubject(String reference);

    @Message("Your request {reference}: we need more medical records")
    String recordsRequestedSubject(String reference);

    @Message("To go on with your request, we need more medical records. We have asked your referring physician to send them to us; you do not need to do anything unless your physician asks you to.")
    String recordsRequestedBody();

    @Message("Your request {reference}: we are still waiting for records")
    String recordsReminderSubject(String reference);

    @Message("We are still waiting for the medical records we asked your referring physician for. If you can, please remind your physician.")
    String recordsReminderBody();

    @Message("Your request {reference}: the second opinion is ready")
    String opinionReleasedSubject(String reference);

    @Message("The written second opinion is ready. Your referring physician has received it and will go through it with you.")
    String opinionReleasedBody();

    @Message("Your request {reference}: your cost estimate is ready")
    String estimateReadySubject(String reference);

    @Message("The cost estimate for your visit is ready. Your coordinator will send it to you with the details of the deposit; call us if you have any question.")
    String estimateReadyBody();

    @Message("Your request {reference}: reminder about the deposit")
    String depositReminderSubject(String reference);

    @Message("We have not yet received the deposit for your visit. Please contact us if you have any question about the payment.")
    String depositReminderBody();

    @Message("Your request {reference}: deposit received")
    String depositReceivedSubject(String reference);

    @Message("We have received your deposit, thank you. We are now arranging your appointments, travel and lodging.")
    String depositReceivedBody();

    @Message("Your request {reference}: your visit is scheduled")
    String visitScheduledSubject(String reference);

    @Message("Your visit is scheduled. Planned arrival: {arrival}. First appointment: {firstAppointment} (your time, {zone}).")
    String visitScheduledBody(String arrival, String firstAppointment, String zone);

    @Message("Your request {reference}: your visit is coming up")
    String preArrivalSubject(String reference);

    @Message("We look forward to welcoming you. Planned arrival: {arrival}. First appointment: {firstAppointment} (your time, {zone}). Please bring your passport and quote your reference.")
    String preArrivalBody(String arrival, String firstAppointment, String zone);

    @Message("Your request {reference}: your appointments")
    String itinerarySubject(String reference);

    @Message("Here are the appointments of your visit, in your own time ({zone}). The attached calendar file adds them to your phone's or computer's calendar.")
    String itineraryBody(String zone);

    @Message("Your request {reference}: your appointments have changed")
    String itineraryRevisedSubject(String reference);

    @Message("Your appointments have changed. Here they are as they stand now, in your own time ({zone}). Open the attached calendar file again: your calendar updates the appointments instead of adding new ones.")
    String itineraryRevisedBody(String zone);

    @Message("Your request {reference}: we will call you")
    String followUpSubject(String reference);

    @Message("A coordinator will call you in the coming days, during our office hours, to hear how you are and to answer your questions.")
    String followUpBody();

    @Message("Your request {reference} has been withdrawn")
    String withdrawnSubject(String reference);

    @Message("Your request has been withdrawn, and we have stopped all work on it. If this is a mistake, please contact us.")
    String withdrawnBody();

    @Message("Your request {reference}: we cannot take it on")
    String declinedSubject(String reference);

    @Message("We are sorry: we cannot take on your request. Your referring physician has been told why and can talk it over with you.")
    String declinedBody();

    @Message("Your request {reference} is closed")
    String closedIncompleteSubject(String reference);

    @Message("Your request is closed because we did not receive the medical records we needed. Your physician can send a new request at any time.")
    String closedIncompleteBody();

    @Message("Your request {reference} is closed")
    String closedNoDepositSubject(String reference);

    @Message("Your request is closed because we did not receive the deposit in time. Please contact us if you still wish to visit.")
    String closedNoDepositBody();

    @Message("Your request {reference} is closed")
    String closedSubject(String reference);

    @Message("Your request is now closed. Thank you for your trust; we wish you good health.")
    String closedBody();

    // To the referring physician (English)

    @Message("Case {reference}: received")
    String physicianReceivedSubject(String reference);

    @Message("We have received case {reference}. A coordinator will review it within one business day.")
    String physicianReceivedBody(String reference);

    @Message("Case {reference}: records needed")
    String physicianRecordsRequestedSubject(String reference);

    @Message("To go on with case {reference}, we need more records. The coordinator's request is in the portal; please upload the records there.")
    String physicianRecordsRequestedBody(String reference);

    @Message("Case {reference}: records still needed")
    String physicianRecordsReminderSubject(String reference);

    @Message("We are still waiting for the records we asked for in case {reference}. Please upload them in the portal; a case without them is closed after a while.")
    String physicianRecordsReminderBody(String reference);

    @Message("Case {reference}: the second opinion is ready")
    String physicianOpinionReleasedSubject(String reference);

    @Message("The written second opinion for case {reference} is ready in the portal. The patient has been told that you have it.")
    String physicianOpinionReleasedBody(String reference);

    @Message("Case {reference}: the visit summary is ready")
    String physicianSummarySentSubject(String reference);

    @Message("The patient's visit is over; the summary for case {reference} is ready in the portal.")
    String physicianSummarySentBody(String reference);

    @Message("Case {reference}: withdrawn")
    String physicianWithdrawnSubject(String reference);

    @Message("Case {reference} has been withdrawn; all work on it has stopped.")
    String physicianWithdrawnBody(String reference);

    @Message("Case {reference}: declined")
    String physicianDeclinedSubject(String reference);

    @Message("We cannot take on case {reference}. The reason is in the portal.")
    String physicianDeclinedBody(String reference);

    @Message("Case {reference}: closed")
    String physicianClosedSubject(String reference);

    @Message("Case {reference} is closed. Its history stays in the portal.")
    String physicianClosedBody(String reference);

    @Message("Case {reference}: closed as incomplete")
    String physicianClosedIncompleteSubject(String reference);

    @Message("Case {reference} is closed because the records we asked for did not arrive. You can send a new request at any time.")
    String physicianClosedIncompleteBody(String reference);

    @Message("Case {reference}: visit cancelled")
    String physicianClosedNoDepositSubject(String reference);

    @Message("The visit in case {reference} is cancelled because the deposit did not arrive in time.")
    String physicianClosedNoDepositBody(String reference);

    @Message("Follow the case in the portal: {url}")
    String portalLine(String url);

    // To the Center's staff, in English, for the notices they chose (never anything about the patient)

    @Message("Task for you: {step} ({reference})")
    String staffTaskAssignedSubject(String step, String reference);

    @Message("A colleague has given you the task \"{step}\" of this case.")
    String staffTaskAssignedBody(String step);

    @Message("New message from the referring physician ({reference})")
    String staffPhysicianMessageSubject(String reference);

    @Message("The referring physician has written on this case, for which you are the point of contact (or cover for them). Read it and reply in the inbox.")
    String staffPhysicianMessageBody();

    @Message("You receive this notice because you chose it in the inbox (Notices); you can turn it off there.")
    String staffWhyYouGetThis();

    @Message("Open it in the inbox: {link}")
    String staffInboxLine(String link);
}
