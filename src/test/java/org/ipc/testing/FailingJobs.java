package org.ipc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Makes an engine job really fail for good: the test-only model {@code bpmn-test/incident-probe.bpmn} runs one
 * asynchronous step, whose delegate ({@link ProbeStep}) throws while {@link #failing} is set, for a real case. The
 * job is executed as the job executor would (tests run it themselves), once per retry, until none is left.
 */
@ApplicationScoped
public class FailingJobs {

    /** What the failing step throws: its message names a person, as real errors can; nothing may show it. */
    public static final String MESSAGE = "Translator could not reach the patient on +5511999990000";

    @Inject
    RepositoryService repository;

    @Inject
    RuntimeService runtime;

    @Inject
    ManagementService management;

    @Inject
    ProbeStep step;

    /** Starts the probe for this case: its job is due at once; answers the job's id. */
    public String startProbe(String caseId) {
        repository.createDeployment().name("incident-probe").enableDuplicateFiltering(true)
                .addClasspathResource("bpmn-test/incident-probe.bpmn").deploy();
        String process = runtime.startProcessInstanceByKey("incident-probe", Map.of("caseId", caseId)).getId();
        return management.createJobQuery().processInstanceId(process).singleResult().getId();
    }

    /** Starts the probe for this case and fails its job until no retry is left; answers the job's id. */
    public String failForGood(String caseId) {
        Job job = management.createJobQuery().jobId(startProbe(caseId)).singleResult();
        step.fail(true);
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Translator");
            }
        } finally {
            step.fail(false);
        }
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
        return job.getId();
    }

    /** Runs the job now, as the job executor would once it is due; answers whether the process went on. */
    public boolean runNow(String jobId) {
        String process = management.createJobQuery().jobId(jobId).singleResult().getProcessInstanceId();
        management.executeJob(jobId);
        return runtime.createProcessInstanceQuery().processInstanceId(process).count() == 0;
    }

    /** The step of the probe: fails while a test says so. */
    @Named("probeStep")
    @ApplicationScoped
    public static class ProbeStep implements JavaDelegate {

        private volatile boolean failing;

        void fail(boolean failing) {
            this.failing = failing;
        }

        @Override
        public void execute(DelegateExecution execution) {
            if (failing) {
                throw new IllegalStateException(MESSAGE, new java.net.ConnectException("Connection refused"));
            }
        }
    }
}
