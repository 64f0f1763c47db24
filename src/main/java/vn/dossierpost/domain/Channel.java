package vn.dossierpost.domain;

/** How dossiers reach an agency (DESIGN.md): one Camel route template per channel; SFTP is the file drop on a server. */
public enum Channel {
    HTTP,
    FILE_DROP,
    SFTP;

    /** File drop and SFTP share the drop package, its done file and the acknowledgement files. */
    public boolean dropsFiles() {
        return this != HTTP;
    }
}
