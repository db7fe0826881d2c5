package io.github.camelmessenger.model;

import java.util.Map;

/**
 * A person's profile as the User Profile API answers it ({@code GET /{psid}?fields=...}): the usual fields typed, and
 * every field that was asked for in {@link #fields()} (numbers as numbers, the rest as strings or maps). Which fields
 * Meta answers depends on the app's access (Business Asset User Profile Access) and on what the person made public.
 * The {@code profile_pic} URL expires: fetch the picture soon, do not store the URL.
 */
public record UserProfile(String id, String firstName, String lastName, String profilePic, Map<String, Object> fields) {

    public UserProfile {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** A field that was asked for ({@code locale}, {@code timezone}, ...), or null. */
    public Object field(String name) {
        return fields.get(name);
    }

    @Override
    public String toString() {
        // a profile is personal data: no names or picture in logs
        return "UserProfile[id=" + id + ", fields=" + fields.keySet() + "]";
    }
}
