package org.ipc.workflow;

import java.util.Date;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ipc.officehours.BusinessClock;
import org.ipc.officehours.BusinessDuration;

/**
 * Lets BPMN due dates and timers be written in office time: {@code business:P1D}, {@code business:PT4H},
 * {@code business:-P7D}. Anything without the prefix is left to Camunda's own calendar, so a plain
 * {@code P30D} stays thirty calendar days. The business clock's limits hold here too: a duration over ten years of
 * office time, or a start more than ten years away, fails with a message naming the expression.
 */
final class BusinessTimeCalendar implements BusinessCalendar {

    static final String PREFIX = "business:";

    private final BusinessCalendar standard;
    private final BusinessClock office;

    BusinessTimeCalendar(BusinessCalendar standard, BusinessClock office) {
        this.standard = standard;
        this.office = office;
    }

    @Override
    public Date resolveDuedate(String duedate) {
        return resolveDuedate(duedate, (Date) null);
    }

    @Override
    public Date resolveDuedate(String duedate, Task task) {
        return isBusinessTime(duedate) ? resolveDuedate(duedate, (Date) null) : standard.resolveDuedate(duedate, task);
    }

    @Override
    public Date resolveDuedate(String duedate, Date startDate) {
        if (!isBusinessTime(duedate)) {
            return startDate == null ? standard.resolveDuedate(duedate) : standard.resolveDuedate(duedate, startDate);
        }
        Date from = startDate != null ? startDate : ClockUtil.getCurrentTime();
        try {
            BusinessDuration duration = BusinessDuration.parse(duedate.strip().substring(PREFIX.length()));
            return Date.from(office.plus(from.toInstant(), duration));
        } catch (IllegalArgumentException e) {
            // the business clock's own limits (BeyondLimit) and unreadable durations, with the expression that asked
            throw new ProcessEngineException("Due date or timer '" + duedate.strip() + "': " + e.getMessage(), e);
        }
    }

    static boolean isBusinessTime(String duedate) {
        return duedate != null && duedate.strip().startsWith(PREFIX);
    }
}
