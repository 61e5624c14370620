package dev.realtimetck.mockserver.admin;

/** Handles one admin route. Runs on a worker thread; may block briefly. */
@FunctionalInterface
public interface AdminAction {

    /**
     * Answers a request.
     *
     * @throws AdminException to answer with an HTTP error and a JSON error body
     */
    AdminResponse handle(AdminRequest request);
}
