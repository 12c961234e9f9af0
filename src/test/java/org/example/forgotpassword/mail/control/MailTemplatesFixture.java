package org.example.forgotpassword.mail.control;

import org.example.forgotpassword.platform.control.TextResources;

/** Configured {@link MailTemplates} for tests in other packages, which cannot reach its injected fields. */
public final class MailTemplatesFixture {

    private MailTemplatesFixture() {
    }

    public static MailTemplates withSubjectPrefix(String subjectPrefix) {
        MailTemplates templates = new MailTemplates();
        templates.subjectPrefix = subjectPrefix;
        templates.texts = new TextResources();
        return templates;
    }
}
