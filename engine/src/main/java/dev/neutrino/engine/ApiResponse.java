package dev.neutrino.engine;

/** Status and JSON body (null for none) of an API answer. */
public record ApiResponse(int status, Object body) {
    public static ApiResponse ok(Object body) { return new ApiResponse(200, body); }
    public static ApiResponse created(Object body) { return new ApiResponse(201, body); }
    public static ApiResponse noContent() { return new ApiResponse(204, null); }
}
