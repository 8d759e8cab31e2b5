package org.activationlab.tf;

/** Where the model's operations run. */
public enum Device {
    /** The CPU, always available. */
    CPU,
    /** The first GPU; falls back to the CPU with a warning when TensorFlow sees none. */
    GPU,
    /** The first GPU when TensorFlow sees one, else the CPU. */
    AUTO
}
