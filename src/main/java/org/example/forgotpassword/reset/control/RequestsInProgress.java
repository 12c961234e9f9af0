package org.example.forgotpassword.reset.control;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The reset requests this instance is mailing right now. When the broker connection fails, the resource adapter
 * may still hand a message it had buffered to the listener while the broker redelivers the same message to the new
 * session: two deliveries of one request at once, which {@link ResetMailing}'s "mailed already?" check cannot tell
 * apart, since neither has recorded its mail yet. The second delivery is refused here and redelivered later, when
 * the first has recorded the mail.
 */
@ApplicationScoped
public class RequestsInProgress {

    private final Set<String> requestIds = ConcurrentHashMap.newKeySet();

    /** @return false when another delivery of the request is being mailed on this instance */
    public boolean start(String requestId) {
        return requestIds.add(requestId);
    }

    public void finish(String requestId) {
        requestIds.remove(requestId);
    }
}
