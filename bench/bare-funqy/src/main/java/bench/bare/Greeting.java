package bench.bare;

import io.quarkus.funqy.Funq;

/** The one function of the bare application: answers with a greeting. */
public class Greeting {

    @Funq
    public String greet(String name) {
        return "Hello " + name;
    }
}
