package dev.wirelab.inspector.model;

import java.util.List;

/**
 * What the sequence analysis said about one TCP segment, for the modes that tell a connection's
 * story (the ladder diagram).
 *
 * @param relativeSeq the sequence number counted from the sender's first (its SYN is 0)
 * @param relativeAck the acknowledgement number counted from the receiver's first
 * @param labels the analysis flags as the summary names them ("retransmission", "duplicate ACK #2")
 */
public record TcpStory(long relativeSeq, long relativeAck, List<String> labels) {}
