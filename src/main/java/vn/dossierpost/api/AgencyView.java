package vn.dossierpost.api;

import vn.dossierpost.domain.Channel;

/**
 * An agency and its channel settings as shown to administrators: secrets only as "set" or not.
 * {@code route} is its route's status on this node; {@code sendError} why the handover being sent to
 * it failed at its last attempt (a refused connection, a remote folder that does not exist), null
 * while sending works.
 */
public record AgencyView(
        String code,
        String name,
        String provinceCode,
        String communeCode,
        String address,
        String phone,
        String email,
        Channel channel,
        String baseUrl,
        String inboxDir,
        String outboxDir,
        boolean secretSet,
        int batchWindowMs,
        int batchSize,
        String sftpHost,
        Integer sftpPort,
        String sftpUsername,
        boolean sftpPasswordSet,
        boolean active,
        boolean configured,
        int revision,
        String route,
        String sendError) {}
