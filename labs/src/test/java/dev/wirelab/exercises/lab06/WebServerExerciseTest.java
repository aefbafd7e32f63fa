package dev.wirelab.exercises.lab06;

import dev.wirelab.exercises.ExerciseTestBase;
import org.junit.jupiter.api.Test;

class WebServerExerciseTest extends ExerciseTestBase {
  WebServerExerciseTest() {
    super("06");
  }

  @Test
  void aContentLengthInCharactersFailsOnlyContentLength() throws Exception {
    proof.wrong("length-in-characters").failsExactly("content-length");
  }

  @Test
  void aHeadWithABodyFailsOnlyHead() throws Exception {
    proof.wrong("head-sends-the-body").failsExactly("head");
  }

  @Test
  void aServerThatClosesEveryConnectionFailsOnlyKeepAlive() throws Exception {
    proof.wrong("closes-every-connection").failsExactly("keep-alive");
  }

  @Test
  void aServerThatNeverChecksTheRequestLineFailsOnlyBadRequest() throws Exception {
    proof.wrong("never-checks-the-request-line").failsExactly("bad-request");
  }
}
