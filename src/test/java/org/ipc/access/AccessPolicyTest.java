package org.ipc.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The office's access policy on its own, without the service: who reaches which case and which parts, and that
 * docs/security.md shows the table the code holds. (The service's doors are {@code LeastPrivilegeTest} and
 * {@code SecurityMatrixTest}.)
 */
class AccessPolicyTest {

    private static final Set<String> CANCER_REVIEW = Set.of("coordinator:pt", "specialist:cancer-center");

    private static Reach reach(Set<String> roles, Set<String> groups, Set<String> caseGroups, boolean submitted) {
        return AccessPolicy.reach(new AccessPolicy.Caller(roles, groups),
                new AccessPolicy.CaseFacts(submitted, () -> caseGroups));
    }

    @Test
    void coordinatorsAndSupervisorsReachEveryCaseWithoutAskingItsHistory() {
        AtomicInteger asked = new AtomicInteger();
        Reach coordinator = AccessPolicy.reach(new AccessPolicy.Caller(Set.of("coordinator"), Set.of("coordinator")),
                new AccessPolicy.CaseFacts(false, () -> {
                    asked.incrementAndGet();
                    return Set.of();
                }));
        assertThat(coordinator.parts()).containsExactlyInAnyOrder(CasePart.values());
        assertThat(coordinator.may(CaseAction.ISSUE_VISA_LETTER)).isTrue();
        assertThat(coordinator.may(CaseAction.HAND_OVER)).isFalse();
        assertThat(asked).as("no query for roles that reach every case").hasValue(0);
        assertThat(reach(Set.of("supervisor"), Set.of("supervisor"), Set.of(), false).may(CaseAction.HAND_OVER)).isTrue();
    }

    @Test
    void aSpecialistReachesTheClinicalSideOfCasesTheirDepartmentHasOrHadATaskOn() {
        Reach own = reach(Set.of("specialist"), Set.of("specialist", "specialist:cancer-center"), CANCER_REVIEW, false);
        assertThat(own.parts()).containsExactlyInAnyOrder(CasePart.PROGRESS, CasePart.PATIENT, CasePart.CLINICAL,
                CasePart.MESSAGES);
        assertThat(reach(Set.of("specialist"), Set.of("specialist", "specialist:neurology"), CANCER_REVIEW, false).any())
                .isFalse();
        assertThat(reach(Set.of("specialist"), Set.of("specialist", "specialist:cancer-center"),
                Set.of("coordinator:pt"), false).any()).as("before the department's task").isFalse();
    }

    @Test
    void financeReachesTheMoneySideOfCasesWithAFinanceTaskAndRolesAddUp() {
        Reach finance = reach(Set.of("finance"), Set.of("finance"), Set.of("finance", "specialist:heart-center"), false);
        assertThat(finance.parts()).containsExactlyInAnyOrder(CasePart.PROGRESS, CasePart.PATIENT, CasePart.MONEY);
        assertThat(finance.may(CaseAction.ISSUE_ESTIMATE)).isTrue();
        assertThat(finance.sees(CasePart.VISA_LETTERS)).isFalse();
        assertThat(reach(Set.of("finance"), Set.of("finance"), CANCER_REVIEW, false).any()).isFalse();
        Reach both = reach(Set.of("finance", "specialist"), Set.of("finance", "specialist", "specialist:cancer-center"),
                Set.of("finance", "specialist:cancer-center"), false);
        assertThat(both.sees(CasePart.MONEY) && both.sees(CasePart.CLINICAL)).isTrue();
        assertThat(reach(Set.of("admin"), Set.of(), Set.of("finance"), true).any()).isFalse();
    }

    @Test
    void physiciansReachTheirOwnCasesOnly() {
        assertThat(reach(Set.of("physician"), Set.of(), Set.of(), true).sees(CasePart.VISA_LETTERS)).isTrue();
        assertThat(reach(Set.of("physician"), Set.of(), Set.of(), true).sees(CasePart.MAIL_LOG)).isFalse();
        assertThat(reach(Set.of("physician"), Set.of(), Set.of(), false).any()).isFalse();
    }

    @Test
    void docsSecurityShowsThePolicyAsTheCodeHoldsIt() throws Exception {
        assertThat(Files.readString(Path.of("docs", "security.md"))).contains(AccessPolicy.table());
    }
}
