package org.example.forgotpassword.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The SMTP sink's own ceiling: a plain Angus Mail client sending mails shaped like the service's (multipart
 * text + HTML of about the same size) over as many parallel connections as the service has mail consumers, each
 * connection kept open for all its mails.
 */
final class SinkCeiling {

    private SinkCeiling() {
    }

    /** @return mails per second */
    static double run(int port, int connections, int count) throws InterruptedException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(properties);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Thread thread = new Thread(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        MimeMessage message = mail(session, "ceiling-" + i + "@bench.example");
                        transport.sendMessage(message, new Address[] {message.getAllRecipients()[0]});
                    }
                } catch (MessagingException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "sink-ceiling-" + c);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException("The sink ceiling run failed", failure.get());
        }
        return count / (elapsed / 1e9);
    }

    private static MimeMessage mail(Session session, String to) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("no-reply@bench.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("[Forgot Password] Reset your password", StandardCharsets.UTF_8.name());
        String link = "http://127.0.0.1/password/reset/?token=" + "x".repeat(43);
        MimeBodyPart text = new MimeBodyPart();
        text.setText(("Someone asked to reset the password of your account. Open this link within 30 minutes:\n"
                + link + "\n").repeat(6), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(("<p>Someone asked to reset the password of your account.</p><p><a href=\"" + link
                + "\">Choose a new password</a></p>").repeat(8), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }
}
