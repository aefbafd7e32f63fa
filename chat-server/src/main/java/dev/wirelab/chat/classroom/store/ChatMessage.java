package dev.wirelab.chat.classroom.store;

/**
 * One stored chat message.
 *
 * @param room the room it was sent to
 * @param offset its position in that room, starting at 1 and never reused (not even after a clear)
 * @param clientId the id the sender's page gave it, so a retried send is stored once
 * @param sender the sender's nickname
 * @param text what they wrote
 * @param sentAtMillis when the server stored it (epoch millis)
 */
public record ChatMessage(
    String room, long offset, String clientId, String sender, String text, long sentAtMillis) {}
