package org.datafirst.catalogue.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code token --subject alice --role curator [--hours 8]}: prints a bearer token signed with the
 * local signing key, for the embedded local mode. Runs instead of the service.
 */
public final class TokenCommand {

    private static final long MAX_HOURS = 12;

    private TokenCommand() {}

    public static boolean handles(String... args) {
        return args.length > 0 && "token".equals(args[0]);
    }

    /** @return the process exit code */
    public static int run(String... args) {
        String subject = null;
        List<String> roles = new ArrayList<>();
        long hours = 8;
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--subject" -> subject = args[++i];
                    case "--role" -> roles.add(args[++i]);
                    case "--hours" -> hours = Long.parseLong(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (subject == null || subject.isBlank()) {
                throw new IllegalArgumentException("--subject is required");
            }
            if (hours < 1 || hours > MAX_HOURS) {
                // the service refuses tokens valid longer than catalogue.security.max-token-lifetime (default 12 h)
                throw new IllegalArgumentException("--hours must be between 1 and " + MAX_HOURS);
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("token: " + e.getMessage());
            System.err.println("usage: token --subject <name> [--role curator]... [--hours 8]");
            return 2;
        }
        if (roles.isEmpty()) {
            roles.add(Roles.CURATOR);
        }
        System.out.println(TokenMinter.mint(
                LocalSigningKey.privateKey(), LocalSigningKey.issuer(), subject, roles, Duration.ofHours(hours)));
        return 0;
    }
}
