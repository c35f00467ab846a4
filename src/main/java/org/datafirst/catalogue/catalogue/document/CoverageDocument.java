package org.datafirst.catalogue.catalogue.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** A coverage period: what the dates refer to (its basis) and when records can be linked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CoverageDocument(LocalDate start, LocalDate end, String basis, LocalDate linkableUntil, String notes) {}
