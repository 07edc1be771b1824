package org.ipc.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which client file names are kept as they are, and which are refused. */
class FileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = { "report.pdf", "Relatório médico 2026.pdf", "病理报告.pdf", "تقرير.pdf", "scan (1).png" })
    void plainNamesInAnyScriptAreKept(String name) {
        assertThat(FileNames.check(name)).contains(name);
    }

    @ParameterizedTest
    @ValueSource(strings = { "../../etc/passwd", "a/b.pdf", "C:\\records\\scan.pdf", "report\u0007.pdf", "line\nbreak.pdf",
            "evil\u202Efdp.exe", "..", ".", "", "   " })
    void pathsControlCharactersAndDirectionTricksAreRefused(String name) {
        assertThat(FileNames.check(name)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void overLongNamesAreRefused() {
        assertThat(FileNames.check("a".repeat(252) + ".pdf")).isEmpty();
        assertThat(FileNames.check(null)).isEmpty();
    }
}
