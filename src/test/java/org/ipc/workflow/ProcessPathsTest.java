package org.ipc.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.ipc.testing.ProcessDriver.setNewYorkTime;

import java.util.Map;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.ipc.testing.Portal;
import org.ipc.testing.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The models' paths walked on the real engine with Camunda's own assertions (camunda-bpm-assert), without HTTP:
 * gateways, timers and messages, element by element. The cases come from the portal as a physician submits them;
 * after that only the engine is driven. (The HTTP slices of the same paths are SecondOpinionProcessTest and
 * TreatmentVisitProcessTest.)
 */
@QuarkusTest
class ProcessPathsTest {

    @Inject
    ProcessEngine engine;

    @Inject
    ProcessDriver process;

    @BeforeEach
    void onTheRealEngineOnAMondayMorning() {
        AbstractAssertions.init(engine);
        setNewYorkTime("2026-11-23T09:00");
    }

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
        AbstractAssertions.reset();
    }

    @Test
    void aPatientWhoseLanguageNoCoordinatorSpeaksGetsAnInterpreterBesideTheIntake() {
        ProcessInstance pi = secondOpinion(Map.of("preferredLanguage", "ru"));
        assertThat(pi).hasPassed("Acknowledge", "IntakeAndInterpreter", "InterpreterNeeded")
                .isWaitingAt("ArrangeInterpreter", "IntakeReview");
        complete(task("ArrangeInterpreter", pi), withVariables("interpreterArranged", true));
        assertThat(pi).hasPassed("InterpreterArranged").isWaitingAt("IntakeReview").isNotEnded();
    }

    @Test
    void aPatientWhoseLanguageIsSpokenGoesStraightToIntake() {
        ProcessInstance pi = secondOpinion(Map.of());
        assertThat(pi).hasPassed("NoInterpreterNeeded").hasNotPassed("ArrangeInterpreter").isWaitingAt("IntakeReview");
        assertThat(task("IntakeReview", pi)).hasCandidateGroup("coordinator:pt").isNotAssigned();
    }

    @Test
    void aDeclinedIntakeEndsTheProcessAndNothingElseWaits() {
        ProcessInstance pi = secondOpinion(Map.of("preferredLanguage", "ru"));
        complete(task("IntakeReview", pi), withVariables("decision", "decline", "recordsComplete", false,
                "recordsInEnglish", true));
        assertThat(pi).hasPassed("CaseDeclined").isEnded();
    }

    @Test
    void missingRecordsAreRemindedUntilTheyArriveThenChecked() {
        ProcessInstance pi = secondOpinion(Map.of());
        complete(task("IntakeReview", pi), withVariables("decision", "accept", "recordsComplete", false,
                "recordsInEnglish", true));
        complete(task("RequestRecords", pi));
        assertThat(pi).isWaitingAt("WaitForRecords");
        execute(job("RecordsReminderDue", pi));
        execute(job("RecordsReminderDue", pi));
        assertThat(pi).hasPassedInOrder("RequestRecords", "SendRecordsReminder", "SendRecordsReminder")
                .isWaitingAt("WaitForRecords");
        runtimeService().createMessageCorrelation(ProcessMessages.RECORDS_RECEIVED).processInstanceId(pi.getId())
                .correlate();
        assertThat(pi).isWaitingAt("CheckRecords");
    }

    @Test
    void aWithdrawalEndsTheProcessWhereverItIs() {
        ProcessInstance pi = secondOpinion(Map.of());
        complete(task("IntakeReview", pi), withVariables("decision", "accept", "recordsComplete", true,
                "recordsInEnglish", true));
        assertThat(pi).isWaitingAt("SpecialistReview");
        runtimeService().createMessageCorrelation(ProcessMessages.CASE_WITHDRAWN).processInstanceId(pi.getId())
                .correlate();
        assertThat(pi).hasPassed("RecordWithdrawal", "CaseWithdrawn").isEnded();
    }

    @Test
    void aDepositThatNeverComesCancelsTheVisitAtItsDeadline() {
        String caseId = Portal.submit("physician", "TREATMENT");
        ProcessInstance pi = estimated(caseId);
        assertThat(pi).hasPassed("SendEstimate", "DepositAlreadyPaid").isWaitingAt("WaitForDeposit");
        execute(job("DepositDeadlinePassed", pi));
        assertThat(pi).hasPassed("CancelNoDeposit").isEnded();
    }

    @Test
    void withoutAVisaLetterTheDepositLeadsStraightToTheAppointments() {
        String caseId = Portal.submit("physician", "TREATMENT");
        ProcessInstance pi = estimated(caseId);
        ProcessDriver.pay(caseId, "14400.00", "FT-77").statusCode(201);
        assertThat(pi).hasPassed("WaitForDeposit", "DepositPaid", "ConfirmDeposit").hasNotPassed("VisaInvitation")
                .isWaitingAt("BookAppointments");
    }

    @Test
    void aDepositPaidBeforeTheEstimatesTaskIsDoneNeedsNoWait() {
        String caseId = Portal.submit("physician", "TREATMENT");
        ProcessInstance pi = instanceOf(caseId);
        complete(task("IntakeReview", pi), withVariables("decision", "accept", "visaLetterNeeded", true));
        complete(task("MedicalReview", pi), withVariables("medicalDecision", "accept"));
        ProcessDriver.writeEstimate(caseId, "2026-12-14").statusCode(201);
        ProcessDriver.pay(caseId, "14400.00", "FT-78").statusCode(201);
        complete(task("CostEstimate", pi));
        assertThat(pi).hasPassed("SendEstimate", "DepositAlreadyPaid", "DepositPaid", "ConfirmDeposit")
                .hasNotPassed("WaitForDeposit").isWaitingAt("VisaInvitation");
    }

    @Test
    void aRevisedEstimateMovesTheDepositDeadline() {
        String caseId = Portal.submit("physician", "TREATMENT");
        ProcessInstance pi = estimated(caseId);
        org.assertj.core.api.Assertions.assertThat(job("DepositDeadlinePassed", pi).getDuedate().toInstant())
                .as("seven business days before the office opens on Monday 14 December")
                .isEqualTo(ProcessDriver.newYork("2026-12-03T08:00"));
        ProcessDriver.writeEstimate(caseId, "2027-01-11").statusCode(201);
        org.assertj.core.api.Assertions.assertThat(job("DepositDeadlinePassed", pi).getDuedate().toInstant())
                .as("revision 2 admits on Monday 11 January 2027: New Year's Day is not counted")
                .isEqualTo(ProcessDriver.newYork("2026-12-30T08:00"));
        assertThat(pi).isWaitingAt("WaitForDeposit");
    }

    /** A treatment case accepted, its estimate written and the estimate's task done: waiting for the deposit. */
    private ProcessInstance estimated(String caseId) {
        ProcessInstance pi = instanceOf(caseId);
        complete(task("IntakeReview", pi), withVariables("decision", "accept", "visaLetterNeeded", false));
        complete(task("MedicalReview", pi), withVariables("medicalDecision", "accept"));
        ProcessDriver.writeEstimate(caseId, "2026-12-14").statusCode(201);
        complete(task("CostEstimate", pi));
        return pi;
    }

    private ProcessInstance secondOpinion(Map<String, Object> patient) {
        return instanceOf(Portal.submit("physician", "SECOND_OPINION", patient));
    }

    private ProcessInstance instanceOf(String caseId) {
        return runtimeService().createProcessInstanceQuery().processInstanceId(process.processOf(caseId))
                .singleResult();
    }
}
