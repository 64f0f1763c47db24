package vn.dossierpost.support;

import java.io.IOException;
import java.net.ServerSocket;

/** The two ports of one service process: the application's and the admin one (health checks). */
public record ServicePorts(int app, int admin) {
    /** Two ports free at this moment (a race with other processes is possible, and rare). */
    public static ServicePorts free() throws IOException {
        try (ServerSocket a = new ServerSocket(0);
                ServerSocket b = new ServerSocket(0)) {
            return new ServicePorts(a.getLocalPort(), b.getLocalPort());
        }
    }

    /** An address on the application port. */
    public String url(String path) {
        return "http://127.0.0.1:" + app + path;
    }

    /** The Dropwizard overrides putting the service on these ports. */
    public String[] overrides() {
        return new String[] {
            "-Ddw.server.applicationConnectors[0].port=" + app, "-Ddw.server.adminConnectors[0].port=" + admin
        };
    }
}
