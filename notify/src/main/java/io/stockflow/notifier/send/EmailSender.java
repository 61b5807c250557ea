package io.stockflow.notifier.send;

import io.stockflow.notifier.render.RenderedEmail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/**
 * Sends an email over SMTP with Jakarta Mail (Angus): a multipart/alternative with the plain text first and the HTML
 * last, as mail clients expect. An address that does not parse, or that the server refuses with a 5xx reply, is a
 * permanent failure; a server that cannot be reached, or answers 4xx, a transient one.
 */
public final class EmailSender {
    private final EmailSettings settings;
    private final Session session;

    public EmailSender(EmailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        p.put("mail.smtp.auth", Boolean.toString(settings.authenticated()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        p.put("mail.smtp.connectiontimeout", Long.toString(settings.timeout().toMillis()));
        p.put("mail.smtp.timeout", Long.toString(settings.timeout().toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(settings.timeout().toMillis()));
        this.session = Session.getInstance(p);
    }

    public void send(String to, String notificationId, RenderedEmail email) throws SendFailure {
        InternetAddress recipient;
        try {
            recipient = new InternetAddress(to, true);
        } catch (AddressException e) {
            throw new SendFailure(
                    "email address does not parse (" + e.getMessage().replace(to, "[email]") + ")", true);
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipient(Message.RecipientType.TO, recipient);
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            message.setHeader("X-Stockflow-Notification-Id", notificationId);
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
            message.setContent(new MimeMultipart("alternative", text, html));
            if (settings.authenticated()) Transport.send(message, settings.username(), settings.password());
            else Transport.send(message);
        } catch (SendFailedException e) {
            throw refused(e, to);
        } catch (MessagingException e) {
            throw new SendFailure(
                    "SMTP server " + settings.host() + ":" + settings.port() + " unavailable (" + redact(e, to) + ")",
                    false);
        }
    }

    private static SendFailure refused(SendFailedException e, String to) {
        for (Exception next = e; next != null; next = nextOf(next)) {
            if (next instanceof SMTPAddressFailedException failed) {
                int code = failed.getReturnCode();
                return new SendFailure(
                        "email address refused by the SMTP server (" + code + " "
                                + failed.getMessage().replace(to, "[email]").strip() + ")",
                        code >= 500);
            }
        }
        return new SendFailure("email refused by the SMTP server (" + redact(e, to) + ")", true);
    }

    private static Exception nextOf(Exception e) {
        return e instanceof MessagingException m ? m.getNextException() : null;
    }

    private static String redact(Exception e, String to) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace(to, "[email]").replaceAll("\\s+", " ").strip();
    }
}
