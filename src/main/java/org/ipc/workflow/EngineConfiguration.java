package org.ipc.workflow;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.cdi.impl.event.CdiEventSupportBpmnParseListener;
import org.camunda.bpm.engine.impl.form.type.AbstractFormFieldType;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.quarkus.engine.extension.QuarkusProcessEngineConfiguration;
import org.ipc.officehours.BusinessClock;

import io.quarkus.arc.Arc;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.flyway.runtime.FlywayContainer;
import io.quarkus.flyway.runtime.FlywayContainerProducer;

/**
 * Our process engine configuration: Camunda's Quarkus extension takes the bean of this type, applies
 * {@code quarkus.camunda.generic-config.*} on top, and builds the engine from it. We add the business-time
 * calendar so user-task due dates ({@code dueDate} calendar) and timer durations ({@code duration} calendar)
 * can be written in office time, the parse listener that gives every coordinator task its single point of
 * contact, and the one that keeps every user task in the task read model. The schema is migrated before the
 * engine is built (see {@link #buildProcessEngine()}).
 */
@Dependent
public class EngineConfiguration extends QuarkusProcessEngineConfiguration {

    @Inject
    BusinessClock office;

    @Inject
    CaseOwnershipListener ownership;

    @Inject
    WorkItemListener workItems;

    @PostConstruct
    void registerBusinessCalendar() {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
                new BusinessTimeCalendar(new DurationBusinessCalendar(), office));
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
                new BusinessTimeCalendar(new DueDateBusinessCalendar(), office));
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        setBusinessCalendarManager(calendars);

        List<BpmnParseListener> parseListeners = new ArrayList<>();
        if (getCustomPreBPMNParseListeners() != null) {
            parseListeners.addAll(getCustomPreBPMNParseListeners());
        }
        parseListeners.add(new CoordinatorTaskParseListener(ownership));
        setCustomPreBPMNParseListeners(parseListeners);

        List<BpmnParseListener> postParseListeners = new ArrayList<>();
        if (getCustomPostBPMNParseListeners() != null) {
            postParseListeners.addAll(getCustomPostBPMNParseListeners());
        }
        postParseListeners.add(new WorkItemParseListener(workItems));
        setCustomPostBPMNParseListeners(postParseListeners);

        List<AbstractFormFieldType> formTypes = new ArrayList<>();
        if (getCustomFormTypes() != null) {
            formTypes.addAll(getCustomFormTypes());
        }
        formTypes.add(new DateTimeFormType());
        setCustomFormTypes(formTypes);
    }

    /**
     * Camunda's Quarkus extension adds, after our own listeners, a parse listener that fires a CDI event at every
     * activity, transition and task event of every process instance. Nothing here observes those events, and each
     * costs a bean-manager look-up and an observer resolution: 6.6 % of the service's CPU while cases were submitted
     * (JFR, docs/performance.md). Processes talk to our code through delegates and listeners named in the models.
     */
    private void withoutCdiEventBridge() {
        if (getCustomPostBPMNParseListeners() != null) {
            getCustomPostBPMNParseListeners().removeIf(CdiEventSupportBpmnParseListener.class::isInstance);
        }
    }

    /**
     * Runs the schema migrations (ours and Camunda's, migration 20) before the engine checks its tables: Quarkus
     * starts Flyway and the engine in the same start-up phase in no fixed order, and with
     * {@code database-schema-update=false} an engine built first would find no tables. Flyway with the service's own
     * configuration ({@code quarkus.flyway.*}); when Quarkus' own migrate-at-start runs afterwards it finds nothing to do.
     */
    @Override
    public ProcessEngine buildProcessEngine() {
        FlywayContainer flyway = Arc.container().instance(FlywayContainerProducer.class).get()
                .createFlyway(getDataSource(), DataSourceUtil.DEFAULT_DATASOURCE_NAME, true, true);
        if (flyway.isMigrateAtStart()) {
            flyway.getFlyway().migrate();
        }
        withoutCdiEventBridge();
        return super.buildProcessEngine();
    }
}
