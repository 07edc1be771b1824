package org.ipc.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ipc.common.ConflictException;
import org.ipc.visa.VisaLetterService;

/**
 * Task listener (on complete) of the {@code VisaInvitation} task: the coordinator issues the letter from the
 * approved plan ({@code POST /api/cases/{id}/visa-letters}, which collects the passport details), so the task cannot
 * be completed before the case has a letter in force. The process keeps only the letter's id ({@code visaLetterId});
 * the passport numbers never reach it.
 */
@Named("visaLetterIssued")
@ApplicationScoped
public class VisaLetterIssuedListener implements TaskListener {

    static final String VISA_LETTER_ID = "visaLetterId";

    @Inject
    VisaLetterService letters;

    @Override
    public void notify(DelegateTask task) {
        var letter = letters.letterInForce(ProcessVariables.caseId(task)).orElseThrow(() -> new ConflictException(
                "Issue the visa invitation letter first (POST /api/cases/{id}/visa-letters): the task is done when "
                        + "the case has a letter in force"));
        task.getExecution().setVariable(VISA_LETTER_ID, letter.toString());
    }
}
