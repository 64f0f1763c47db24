package vn.dossierpost.service.handover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A scan's uploaded name cannot climb out of its document's folder in the agency's ZIP. */
class ZipEntryNameTest {

    @Test
    void separatorsAndLeadingDotsCannotLeaveTheFolder() {
        assertThat(AgencyDesk.entryName("TO_KHAI", "tờ khai.pdf", 1)).isEqualTo("TO_KHAI/tờ khai.pdf");
        assertThat(AgencyDesk.entryName("TO_KHAI", "../../x.bat", 2)).isEqualTo("TO_KHAI/_.._x.bat");
        assertThat(AgencyDesk.entryName("TO_KHAI", "..\\..\\x.bat", 3)).isEqualTo("TO_KHAI/_.._x.bat");
        assertThat(AgencyDesk.entryName("TO_KHAI", "C:/Windows/x.dll", 4)).isEqualTo("TO_KHAI/C__Windows_x.dll");
        assertThat(AgencyDesk.entryName("TO_KHAI", "...", 5)).isEqualTo("TO_KHAI/tep-5");
        assertThat(AgencyDesk.entryName("TO_KHAI", "/etc/passwd", 6)).isEqualTo("TO_KHAI/_etc_passwd");
    }
}
