package org.activationlab.dsl.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The text form of activations: {@link Activations#parse(String)} and {@link Activations#parseList(String)}. */
class ActivationParsingTest {

    /** One of every activation, with non-default hyperparameters where they exist. */
    static final List<Activation> EVERY = List.of(new Relu(), new LeakyRelu(0.01), new LeakyRelu(0.2),
            new LeakyRelu(1e-5), new PRelu(0.25, false), new PRelu(0.1, true), new PRelu(-0.5, true), new Elu(1.0),
            new Elu(0.75), new Selu(), new Tanh(), new Sigmoid(), new Softmax(), new Linear(), new Gelu(), new Swish(),
            new Mish(), new Softplus());

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void bareNames() {
        assertEquals(new Relu(), Activations.parse("relu"));
        assertEquals(new LeakyRelu(0.01), Activations.parse("leaky_relu"));
        assertEquals(new PRelu(0.25, false), Activations.parse("prelu"));
        assertEquals(new Elu(1.0), Activations.parse("elu"));
        assertEquals(new Selu(), Activations.parse("selu"));
        assertEquals(new Tanh(), Activations.parse("tanh"));
        assertEquals(new Sigmoid(), Activations.parse("sigmoid"));
        assertEquals(new Softmax(), Activations.parse("softmax"));
        assertEquals(new Linear(), Activations.parse("linear"));
        assertEquals(new Gelu(), Activations.parse("gelu"));
        assertEquals(new Swish(), Activations.parse("swish"));
        assertEquals(new Mish(), Activations.parse("mish"));
        assertEquals(new Softplus(), Activations.parse("softplus"));
    }

    @Test
    void siluIsSwish() {
        assertInstanceOf(Swish.class, Activations.parse("silu"));
        assertEquals("swish", Activations.parse("silu").spec());
    }

    @Test
    void positionalAndNamedHyperparameters() {
        assertEquals(new LeakyRelu(0.01), Activations.parse("leaky_relu:0.01"));
        assertEquals(new LeakyRelu(0.2), Activations.parse("leaky_relu:negative_slope=0.2"));
        assertEquals(new PRelu(0.25, true), Activations.parse("prelu:0.25,per_channel=true"));
        assertEquals(new PRelu(0.1, true), Activations.parse("prelu:0.1,true"));
        assertEquals(new PRelu(0.25, true), Activations.parse("prelu:per_channel=TRUE"));
        assertEquals(new PRelu(0.3, false), Activations.parse("prelu:per_channel=false,init=0.3"));
        assertEquals(new Elu(1.0), Activations.parse("elu:alpha=1.0"));
        assertEquals(new Elu(0.5), Activations.parse("elu:0.5"));
        assertEquals(new Relu(), Activations.parse("relu:")); // empty argument list
    }

    @Test
    void caseSpacesAndHyphens() {
        // names are case-insensitive and '-' is read as '_'
        assertEquals(new LeakyRelu(0.01), Activations.parse("leaky-relu"));
        assertEquals(new LeakyRelu(0.01), Activations.parse("Leaky-ReLU"));
        assertEquals(new LeakyRelu(0.2), Activations.parse("LEAKY_RELU:0.2"));
        assertEquals(new LeakyRelu(0.2), Activations.parse("leaky_relu: negative_slope = 0.2 "));
        assertEquals(new Relu(), Activations.parse("  ReLU  "));
        // but the underscore cannot be dropped: the PyTorch class name is not a spec
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activations.parse("LeakyReLU"));
        assertContains(e.getMessage(), "LeakyReLU", "leaky_relu");
    }

    @Test
    void parsingDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("tr", "TR")); // "I".toLowerCase() is a dotless i there
            assertEquals(new Sigmoid(), Activations.parse("SIGMOID"));
            assertEquals(new Linear(), Activations.parse("LINEAR"));
            assertEquals(new PRelu(0.5, true), Activations.parse("PRELU:INIT=0.5,PER_CHANNEL=TRUE"));
            Locale.setDefault(Locale.GERMANY);
            assertEquals("leaky_relu:negative_slope=0.01", new LeakyRelu(0.01).spec());
            assertEquals(new LeakyRelu(0.01), Activations.parse("leaky_relu:0.01"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void specRoundTripsForEveryActivation() {
        for (Activation a : EVERY) {
            assertEquals(a, Activations.parse(a.spec()), a.spec());
            assertEquals(a.spec(), Activations.parse(a.spec()).spec());
        }
    }

    @Test
    void specStrings() {
        assertEquals("relu", new Relu().spec());
        assertEquals("leaky_relu:negative_slope=0.01", new LeakyRelu(0.01).spec());
        assertEquals("prelu:init=0.25,per_channel=true", new PRelu(0.25, true).spec());
        assertEquals("elu:alpha=1.0", new Elu(1.0).spec());
        assertEquals("selu", new Selu().spec()); // fixed constants are not part of the spec
        assertEquals("leaky_relu-0.01", new LeakyRelu(0.01).slug());
        assertEquals("prelu-0.25-false", new PRelu(0.25, false).slug());
        assertEquals("selu", new Selu().slug());
    }

    @Test
    void parseListSplitsOnNamesNotOnEveryComma() {
        List<Activation> three = Activations.parseList("relu,leaky_relu:0.01,sigmoid");
        assertEquals(List.of(new Relu(), new LeakyRelu(0.01), new Sigmoid()), three);

        List<Activation> two = Activations.parseList("prelu:0.1,per_channel=true,tanh");
        assertEquals(List.of(new PRelu(0.1, true), new Tanh()), two);

        assertEquals(List.of(new Elu(0.5), new PRelu(0.2, true), new Gelu()),
                Activations.parseList("elu:0.5, prelu:0.2,true, gelu"));
        assertEquals(List.of(new Swish()), Activations.parseList("silu"));
    }

    @Test
    void parseListAcceptsNamedHyperparametersAfterTheFirstActivation() {
        assertEquals(List.of(new Relu(), new LeakyRelu(0.2)),
                Activations.parseList("relu,leaky_relu:negative_slope=0.2"));
        assertEquals(List.of(new Tanh(), new Elu(1.0), new Sigmoid()),
                Activations.parseList("tanh,elu:alpha=1.0,sigmoid"));
    }

    @Test
    void parseListRoundTripsJoinedSpecs() {
        String joined = EVERY.stream().map(Activation::spec).collect(Collectors.joining(","));
        assertEquals(EVERY, Activations.parseList(joined));
    }

    @Test
    void unknownName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.parse("foo"));
        assertContains(e.getMessage(), "'foo'", "relu", "leaky_relu", "prelu", "elu", "selu", "tanh", "sigmoid",
                "softmax", "gelu", "swish", "silu", "mish", "softplus");
    }

    @Test
    void hyperparameterOnAnActivationWithoutAny() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.parse("relu:1"));
        assertContains(e.getMessage(), "'relu:1'", "no hyperparameters");
    }

    @Test
    void tooManyPositionalValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activations.parse("leaky_relu:0.1,0.2"));
        assertContains(e.getMessage(), "'leaky_relu:0.1,0.2'", "negative_slope");
    }

    @Test
    void nonNumericValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activations.parse("leaky_relu:abc"));
        assertContains(e.getMessage(), "'leaky_relu:abc'", "negative_slope", "'abc'");
    }

    @Test
    void unknownKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activations.parse("elu:beta=1"));
        assertContains(e.getMessage(), "'elu:beta=1'", "'beta'", "alpha");
    }

    @Test
    void badBooleanAndDuplicateKey() {
        IllegalArgumentException bool = assertThrows(IllegalArgumentException.class,
                () -> Activations.parse("prelu:0.25,per_channel=yes"));
        assertContains(bool.getMessage(), "per_channel", "'yes'", "true or false");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Activations.parse("elu:0.5,alpha=1.0"));
        assertContains(twice.getMessage(), "alpha", "twice");
    }

    @Test
    void emptyOrBlank() {
        for (String text : new String[] {"", "   ", null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.parse(text));
            assertContains(e.getMessage(), "empty", "relu", "leaky_relu");
        }
        assertThrows(IllegalArgumentException.class, () -> Activations.parseList(""));
    }

    @Test
    void outOfRangeValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Activations.parse("leaky_relu:-1"));
        assertThrows(IllegalArgumentException.class, () -> Activations.parse("elu:alpha=0"));
        assertThrows(IllegalArgumentException.class, () -> Activations.parse("prelu:NaN"));
    }

    @Test
    void malformedListEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activations.parseList("relu,foo"));
        assertContains(e.getMessage(), "foo");
    }

    @Test
    void catalogueMatchesTheParser() {
        for (String name : Activations.catalogue().keySet()) {
            Activation a = Activations.parse(name);
            assertEquals(name.equals("silu") ? "swish" : name, a.name());
            // SELU prints its fixed constants but takes no hyperparameters
            List<String> tunable = a instanceof Selu ? List.of() : List.copyOf(a.hyperparameters().keySet());
            assertEquals(Activations.catalogue().get(name), tunable, name);
        }
    }
}
