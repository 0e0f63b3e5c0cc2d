/**
 * Data parallelism: one batch split over several GPUs, weights broadcast inside the autograd graph,
 * features gathered for the global InfoNCE. {@code --device gpus} (or {@code gpu:0,gpu:1}) turns it on.
 */
package org.priorkit.parallel;
