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
        ProcessInstance pi = treatment();
        complete(task("IntakeReview", pi), withVariables("decision", "accept", "visaLetterNeeded", false));
        complete(task("MedicalReview", pi), withVariables("medicalDecision", "accept"));
        complete(task("CostEstimate", pi), withVariables("estimateAmount", 1000L,
                "plannedAdmission", java.sql.Date.valueOf("2026-12-14")));
        assertThat(pi).isWaitingAt("WaitForDeposit");
        execute(job("DepositDeadlinePassed", pi));
        assertThat(pi).hasPassed("CancelNoDeposit").isEnded();
    }

    @Test
    void withoutAVisaLetterTheDepositLeadsStraightToTheAppointments() {
        ProcessInstance pi = treatment();
        complete(task("IntakeReview", pi), withVariables("decision", "accept", "visaLetterNeeded", false));
        complete(task("MedicalReview", pi), withVariables("medicalDecision", "accept"));
        complete(task("CostEstimate", pi), withVariables("estimateAmount", 1000L,
                "plannedAdmission", java.sql.Date.valueOf("2026-12-14")));
        runtimeService().createMessageCorrelation(ProcessMessages.DEPOSIT_RECEIVED).processInstanceId(pi.getId())
                .correlate();
        assertThat(pi).hasNotPassed("VisaInvitation").isWaitingAt("BookAppointments");
    }

    private ProcessInstance secondOpinion(Map<String, Object> patient) {
        return instanceOf(Portal.submit("physician", "SECOND_OPINION", patient));
    }

    private ProcessInstance treatment() {
        return instanceOf(Portal.submit("physician", "TREATMENT"));
    }

    private ProcessInstance instanceOf(String caseId) {
        return runtimeService().createProcessInstanceQuery().processInstanceId(process.processOf(caseId))
                .singleResult();
    }
}
