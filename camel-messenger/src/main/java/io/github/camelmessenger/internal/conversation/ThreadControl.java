package io.github.camelmessenger.internal.conversation;

/** The thread-control calls of Conversation Routing, each a {@code POST /{page}/{edge}} with the person as recipient. */
public enum ThreadControl {

    /** Hands the conversation to {@code target_app_id}. */
    PASS("pass_thread_control", true),
    /** Takes the conversation (the primary receiver, or anyone while it is idle). */
    TAKE("take_thread_control", false),
    /** Asks the primary receiver for the conversation. */
    REQUEST("request_thread_control", false),
    /** Lets the conversation go back to idle. */
    RELEASE("release_thread_control", false);

    private final String edge;
    private final boolean needsTarget;

    ThreadControl(String edge, boolean needsTarget) {
        this.edge = edge;
        this.needsTarget = needsTarget;
    }

    public String edge() {
        return edge;
    }

    public boolean needsTarget() {
        return needsTarget;
    }
}
