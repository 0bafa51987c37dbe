package org.minhu.console;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.List;

/** A reply staff can pick instead of typing it: a text, and chips for the resident to tap. */
@Entity
@Table(name = "canned_reply")
public class CannedReply {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String text;

    /** Chip texts separated by {@code |}. */
    private String chips;

    @Column(nullable = false)
    private int position;

    protected CannedReply() {
    }

    CannedReply(String title, String text, String chips, int position) {
        this.title = title;
        this.text = text;
        this.chips = chips;
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getText() {
        return text;
    }

    public String getChips() {
        return chips;
    }

    /** The chips one per line, as the reply form's chip box takes them. */
    public String getChipLines() {
        return String.join("\n", getChipList());
    }

    public List<String> getChipList() {
        return chips == null || chips.isBlank() ? List.of()
                : Arrays.stream(chips.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public int getPosition() {
        return position;
    }
}
