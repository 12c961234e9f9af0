package org.example.forgotpassword.reset.control;

/** A message on the queue that this version of the service cannot process, however often it is redelivered. */
public class UnreadableMessageException extends RuntimeException {

    public UnreadableMessageException(String reason) {
        super(reason);
    }
}
