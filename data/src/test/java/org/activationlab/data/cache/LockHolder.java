package org.activationlab.data.cache;

import java.nio.file.Path;

/**
 * A separate process for {@link TargetLockTest}: takes the lock of the target named by its argument,
 * prints {@code locked}, and holds it until its standard input ends (or it is killed).
 */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (TargetLock lock = TargetLock.acquire(Path.of(args[0]), () -> { })) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                // hold the lock until the parent closes our input
            }
        }
    }
}
