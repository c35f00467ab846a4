package org.datafirst.catalogue.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The route to access a dataset, step by step, as the Data First user guide (v8.2, section 3
 * "Applying for data access") describes it, specialised to the dataset's approvals and the secure
 * environments that hold it. Pure function of those lists.
 */
public final class AccessRoute {

    private AccessRoute() {}

    /** A step with a heading and its paragraphs. */
    public record Step(String heading, List<String> paragraphs) {}

    /** An approval body with what it approves. */
    public record Approver(String code, String name, String approves) {}

    public static Approver approver(String code) {
        return switch (code) {
            case "DAP" -> new Approver(code, "HMCTS Data Access Panel", "access to courts (HMCTS) data");
            case "DAG" ->
                new Approver(
                        code,
                        "MoJ Data Access Group",
                        "the preliminary assessment of requests for prison and probation (HMPPS) data");
            case "DAGB" ->
                new Approver(
                        code,
                        "MoJ Data Access Governance Board",
                        "access to prison and probation (HMPPS) data, after DAG's preliminary assessment");
            case "DfE" ->
                new Approver(
                        code, "Department for Education", "access to external linked data from the MoJ–DfE data share");
            default -> new Approver(code, code, "access to this data");
        };
    }

    public static List<Approver> approvers(List<String> approvals) {
        return approvals.stream().map(AccessRoute::approver).toList();
    }

    public static List<Step> steps(List<String> approvals, List<String> whereHeld) {
        boolean srs = whereHeld.stream().anyMatch(w -> w.toUpperCase().contains("SRS"));
        boolean sail = whereHeld.stream().anyMatch(w -> w.toUpperCase().contains("SAIL"));
        boolean dfe = approvals.contains("DfE");
        List<Step> steps = new ArrayList<>();

        List<String> accreditation = new ArrayList<>();
        if (srs) {
            accreditation.add("For the ONS Secure Research Service (SRS): become accredited under the ONS accredited "
                    + "researcher scheme. Download the forms from the UK Statistics Authority website and send them to "
                    + "Research.Support@ons.gov.uk.");
        }
        if (sail) {
            accreditation.add(
                    "For SAIL Databank: complete the ONS accredited researcher scheme, the UKRI Medical Research "
                            + "Council e-learning module “Research, GDPR and Confidentiality – what you really need to know”, or "
                            + "equivalent training. You also need a CV showing a research career and to belong to a recognised "
                            + "institution.");
        }
        accreditation.add("Start this early: it can run in parallel with your application.");
        steps.add(new Step("Become an accredited researcher", accreditation));

        List<String> application = new ArrayList<>();
        if (srs) {
            application.add("For data held in the ONS SRS: complete the MoJ and HMCTS “Secure Access to Data” (SAD) "
                    + "combined application form on GOV.UK.");
        }
        if (sail) {
            application.add(
                    "For data held in SAIL Databank: complete the SAIL scoping form; a SAIL analyst then helps you "
                            + "complete the Information Governance Review Panel (IGRP) form. A supplementary Data First form is "
                            + "approved by the data owners, separately from IGRP approval.");
        }
        application.add("List the variables you need from each dataset with a short justification for each; this "
                + "catalogue's variable lists and downloads are made for that.");
        String bodies = String.join(
                ", ",
                approvers(approvals).stream()
                        .map(a -> a.name() + " (" + a.code() + ")")
                        .toList());
        application.add(
                bodies.isEmpty()
                        ? "The data owners review the application."
                        : "The application is reviewed and decided by: " + bodies + ".");
        steps.add(new Step("Apply to the data owners", application));

        steps.add(
                new Step(
                        "Get final approval from the UK Statistics Authority",
                        List.of(
                                dfe
                                        ? "The UKSA Research Accreditation Panel (RAP) Research Project Application is not required for the "
                                                + "MoJ–DfE data share."
                                        : "Complete the Research Project Application form for the UKSA Research Accreditation Panel (RAP). "
                                                + "You can send it in parallel, but RAP reviews it only after the data owners have approved.")));

        List<String> access = new ArrayList<>();
        if (srs) {
            access.add("ONS SRS: your project gets a project space with the requested datasets, reached through a safe "
                    + "setting (an ONS or other certified safe room, or an organisation with an Assured Organisational "
                    + "Connectivity agreement).");
        }
        if (sail) {
            access.add("SAIL Databank: data is analysed inside SAIL's secure environment.");
        }
        access.add("Only approved outputs leave the secure environment; data cannot be stored on your own computer.");
        steps.add(new Step("Analyse the data in the secure environment", access));
        return steps;
    }
}
