package vn.dossierpost.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.dossierpost.service.catalogue.SftpHostKeys;
import vn.dossierpost.support.KnownHostsFiles;

/** SFTP only to a pinned host key, unless handover.sftpInsecure says explicitly that keys go unchecked. */
class SftpHostKeysTest {
    @Test
    void withoutAKnownHostsFileSftpIsRefusedUnlessInsecureIsSetExplicitly() {
        assertThat(new SftpHostKeys(null, false).problem("sftp.stp.hanoi.gov.vn", 22))
                .hasValueSatisfying(
                        m -> assertThat(m).contains("handover.sftpKnownHosts").contains("handover.sftpInsecure"));
        SftpHostKeys insecure = new SftpHostKeys(null, true);
        assertThat(insecure.problem("sftp.stp.hanoi.gov.vn", 22)).isEmpty();
        assertThat(insecure.unchecked()).isTrue();
    }

    @Test
    void aKnownHostsFilePinsEachHostAndPort() {
        Path file = KnownHostsFiles.pinning("[sftp.stp.hanoi.gov.vn]:2222", "sftp.stp.hcm.gov.vn");
        // with a file, sftpInsecure changes nothing: the keys are checked
        SftpHostKeys keys = new SftpHostKeys(file, true);
        assertThat(keys.unchecked()).isFalse();
        assertThat(keys.problem("sftp.stp.hanoi.gov.vn", 2222)).isEmpty();
        assertThat(keys.problem("sftp.stp.hcm.gov.vn", null)).isEmpty();
        assertThat(keys.problem("sftp.stp.hanoi.gov.vn", 22))
                .hasValueSatisfying(m -> assertThat(m).contains("no host key for sftp.stp.hanoi.gov.vn"));
        // a key pinned for a bare host name holds for its other ports too, as JSch checks it on connection
        assertThat(keys.problem("sftp.stp.hcm.gov.vn", 2222)).isEmpty();
        assertThat(keys.problem("sftp.khac.gov.vn", 2222))
                .hasValueSatisfying(m -> assertThat(m).contains("[sftp.khac.gov.vn]:2222"));
        assertThat(new SftpHostKeys(file.resolveSibling("missing"), false).problem("sftp.stp.hcm.gov.vn", 22))
                .hasValueSatisfying(m -> assertThat(m).contains("cannot be read"));
    }
}
