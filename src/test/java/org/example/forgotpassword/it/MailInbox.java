package org.example.forgotpassword.it;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** Reads a recipient's mails from the test mail server over IMAP, as a mail client would. */
public final class MailInbox {

    private final String host;
    private final int imapPort;

    public MailInbox(String host, int imapPort) {
        this.host = host;
        this.imapPort = imapPort;
    }

    /** A received mail, reduced to what the tests look at. */
    public record ReceivedMail(List<String> to, String subject, String contentType, String messageId,
                               String text, String html, List<String> partTypes) {
    }

    public List<ReceivedMail> mailsFor(String address) {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        try {
            Store store = Session.getInstance(props).getStore("imap");
            store.connect(host, imapPort, address, "any-password");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<ReceivedMail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(read(message));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read the inbox of " + address, e);
        }
    }

    /** Waits until {@code address} has received {@code count} mails; fails after {@code timeout}. */
    public List<ReceivedMail> await(String address, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ReceivedMail> mails = mailsFor(address);
        while (mails.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Expected " + count + " mail(s) for " + address + " within " + timeout
                        + ", got " + mails.size());
            }
            sleep(200);
            mails = mailsFor(address);
        }
        return mails;
    }

    private static ReceivedMail read(Message message) throws MessagingException, IOException {
        List<String> to = new ArrayList<>();
        for (var recipient : message.getAllRecipients()) {
            to.add(recipient.toString());
        }
        String text = null;
        String html = null;
        List<String> partTypes = new ArrayList<>();
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                partTypes.add(part.getContentType().split(";")[0].trim().toLowerCase());
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
        }
        String[] ids = message.getHeader("Message-ID");
        return new ReceivedMail(to, message.getSubject(), message.getContentType(),
                ids == null ? null : ids[0], text, html, partTypes);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
