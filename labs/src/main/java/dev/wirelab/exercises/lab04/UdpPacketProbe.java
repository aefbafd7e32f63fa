package dev.wirelab.exercises.lab04;

import dev.wirelab.exercises.sandbox.StudentMain;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HexFormat;

/**
 * Runs in the student's JVM: calls {@code UdpPacket.build} for each {@link PacketCase} and prints
 * one line per case, "ok HEX" or "error WHAT".
 */
public final class UdpPacketProbe {
  private UdpPacketProbe() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    Method build =
        Class.forName(UdpPacketExercise.STUDENT_CLASS)
            .getMethod("build", byte[].class, byte[].class, int.class, int.class, byte[].class);
    for (PacketCase c : PacketCase.ALL) {
      try {
        Object packet =
            build.invoke(
                null,
                c.sourceBytes(),
                c.destinationBytes(),
                c.sourcePort(),
                c.destinationPort(),
                c.payloadBytes());
        System.out.println(
            packet == null
                ? "error build returned null"
                : "ok " + HexFormat.of().formatHex((byte[]) packet));
      } catch (InvocationTargetException e) {
        System.out.println("error build threw " + StudentMain.describe(e.getCause()));
      }
    }
  }
}
