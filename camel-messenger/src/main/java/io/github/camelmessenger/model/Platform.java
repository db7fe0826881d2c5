package io.github.camelmessenger.model;

/** Which messaging platform a Page token talks to; it selects the platform's rules. */
public enum Platform {
    MESSENGER, INSTAGRAM
}
