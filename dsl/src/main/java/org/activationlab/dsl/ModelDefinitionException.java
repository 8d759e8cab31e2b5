package org.activationlab.dsl;

/** A model description that cannot be built: names the layer, its position and the shapes involved. */
public class ModelDefinitionException extends IllegalArgumentException {

    public ModelDefinitionException(String message) {
        super(message);
    }
}
