/**
 * Starting, watching and stopping the service under test, and cutting per-trial JFR profiles out of it.
 *
 * <p>Plain Java 17 with no Maven types: Mojos map pom parameters onto a {@link dev.perfgate.service.ServiceSpec},
 * then {@link dev.perfgate.service.ServiceProcess#start start} it, {@code awaitReady()}, {@code checkAlive()} between
 * trials, {@code dumpJfr(...)} per trial, and {@code close()} it. A JVM shutdown hook stops services still running
 * when the build is interrupted.
 */
package dev.perfgate.service;
