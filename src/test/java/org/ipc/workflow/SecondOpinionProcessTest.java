package org.ipc.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.ipc.cases.CaseStatus;
import org.ipc.cases.PatientCase;
import org.ipc.testing.Portal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Walks each path of the first versions of both BPMN processes on the engine, on PostgreSQL. */
@QuarkusTest
class SecondOpinionProcessTest {

    @Inject
    ProcessEngine engine;

    @Inject
    RuntimeService runtime;

    @BeforeEach
    void bindAssertions() {
        AbstractAssertions.init(engine);
    }

    @Test
    void acceptedCaseGoesFromIntakeToSpecialistToFollowUpCallToClosed() {
        UUID caseId = UUID.fromString(Portal.submit("physician"));
        ProcessInstance pi = processOf(caseId);

        assertThat(pi).hasPassed("CaseSubmitted", "Acknowledge").isWaitingAt("IntakeReview");
        assertThat(task()).hasCandidateGroup("coordinator");
        assertThat(task().getDueDate()).isNotNull();
        assertThat(pi).variables().containsEntry(ProcessVariables.CASE_ID, caseId.toString())
                .containsEntry(ProcessVariables.LANGUAGE, "pt")
                .containsEntry(ProcessVariables.DEPARTMENT, "cancer-center");

        complete(task(), withVariables("decision", "accept"));
        assertThat(pi).isWaitingAt("SpecialistReview");
        assertThat(task()).hasCandidateGroup("specialist");
        assertThat(statusOf(caseId)).isEqualTo(CaseStatus.UNDER_REVIEW);

        complete(task(), withVariables("opinionWritten", true));
        assertThat(pi).hasPassed("OpinionReleased").isWaitingAt("FollowUpCall");
        assertThat(task()).hasCandidateGroup("coordinator");
        assertThat(task().getDueDate()).isNotNull();
        assertThat(statusOf(caseId)).isEqualTo(CaseStatus.FOLLOW_UP);

        complete(task(), withVariables("patientReached", true));
        assertThat(pi).hasPassed("CaseClosed").isEnded();
        assertThat(statusOf(caseId)).isEqualTo(CaseStatus.CLOSED);
        assertThat(historyOf(caseId)).containsExactly(CaseStatus.SUBMITTED, CaseStatus.UNDER_REVIEW,
                CaseStatus.OPINION_READY, CaseStatus.FOLLOW_UP, CaseStatus.CLOSED);
    }

    @Test
    void declinedCaseEndsAtIntake() {
        UUID caseId = UUID.fromString(Portal.submit("physician"));
        ProcessInstance pi = processOf(caseId);

        complete(task(pi), withVariables("decision", "decline"));
        assertThat(pi).hasPassed("CaseDeclined").hasNotPassed("SpecialistReview").isEnded();
        assertThat(statusOf(caseId)).isEqualTo(CaseStatus.DECLINED);
    }

    @Test
    void treatmentVisitAcceptedByTheDepartmentAwaitsTheDeposit() {
        UUID caseId = UUID.fromString(Portal.submit("physician", "TREATMENT"));
        ProcessInstance pi = processOf(caseId);

        assertThat(pi).isWaitingAt("IntakeReview");
        complete(task(pi), withVariables("decision", "accept"));
        assertThat(pi).isWaitingAt("MedicalReview");
        assertThat(statusOf(caseId)).isEqualTo(CaseStatus.UNDER_REVIEW);
        complete(task(pi), withVariables("medicalDecision", "accept"));
        assertThat(pi).hasPassed("AcceptedForTreatment").isEnded();
        assertThat(statusOf(caseId)).isEqualTo(CaseStatus.AWAITING_DEPOSIT);
    }

    @Test
    void treatmentVisitDeclinedByTheDepartmentIsDeclined() {
        UUID caseId = UUID.fromString(Portal.submit("physician", "TREATMENT"));
        ProcessInstance pi = processOf(caseId);

        complete(task(pi), withVariables("decision", "accept"));
        complete(task(pi), withVariables("medicalDecision", "decline"));
        assertThat(pi).hasPassed("MedicalReview", "CaseDeclined").isEnded();
        assertThat(statusOf(caseId)).isEqualTo(CaseStatus.DECLINED);
    }

    private ProcessInstance processOf(UUID caseId) {
        String processInstanceId = QuarkusTransaction.requiringNew()
                .call(() -> PatientCase.<PatientCase>findById(caseId).processInstanceId);
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    }

    private static java.util.List<CaseStatus> historyOf(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> org.ipc.cases.CaseStatusChange.historyOf(caseId).stream()
                .map(change -> change.status).toList());
    }

    private static CaseStatus statusOf(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> PatientCase.<PatientCase>findById(caseId).status);
    }
}
