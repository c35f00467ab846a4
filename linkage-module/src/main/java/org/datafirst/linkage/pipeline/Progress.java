package org.datafirst.linkage.pipeline;

/** Receives the names of pipeline steps as they start (the CLI draws a progress bar). */
public interface Progress {

    void step(String name);

    default void done() {}

    Progress NONE = name -> {};
}
