package dev.edgeforge.jobs.board;

import java.util.List;

/** A board id that the catalogue does not know. */
public class BoardNotFoundException extends RuntimeException {

    private final String boardId;

    public BoardNotFoundException(String boardId, List<String> knownIds) {
        super("Unknown board '" + boardId + "'; known boards: " + String.join(", ", knownIds));
        this.boardId = boardId;
    }

    public String boardId() {
        return boardId;
    }
}
