package org.minhu.knowledge;

import org.minhu.reference.LiveReference;
import org.minhu.reference.LocalizedText;
import org.minhu.reference.ReferenceData;
import org.minhu.reference.ReferenceDataException;
import org.minhu.reference.ReferenceVersion;
import org.minhu.reference.ReferenceVersionRepository;
import org.minhu.reference.TextIndex;

/** An entry that answers a resident's question, how well it matched, and the language to answer in. */
public record KnowledgeMatch(KnowledgeEntry entry, double score, String language) {

    public String question() {
        return entry.question().in(language);
    }

    public String answer() {
        return entry.answer().in(language);
    }

    /** Who handles the matter and their number, as one line; empty when the entry names neither. */
    public String contact() {
        String department = entry.department() == null ? "" : entry.department().in(language);
        String phone = entry.phone() == null ? "" : entry.phone();
        if (department.isEmpty() && phone.isEmpty()) {
            return "";
        }
        boolean english = LocalizedText.isEnglish(language);
        String lead = english ? "Contact: " : "办理：";
        String tel = phone.isEmpty() ? "" : (english ? "tel. " : "电话 ") + phone;
        return lead + String.join(english ? ", " : " · ", department.isEmpty() ? java.util.List.of(tel)
                : phone.isEmpty() ? java.util.List.of(department) : java.util.List.of(department, tel));
    }
}
