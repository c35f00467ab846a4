package org.datafirst.catalogue.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChangeFeed", description = "Release publications in the order they happened, resumable by cursor.")
public record ChangeFeed(
        @Schema(description = "Publications after the requested position, oldest first.")
        List<ChangeEntry> changes,

        @Schema(
                description =
                        "Pass as since= to get what follows; equals the request's position when nothing followed.",
                example = "42")
        String nextCursor,

        @Schema(description = "True when the page is full and more may follow at once.", example = "false")
        boolean more) {}
