/**
 * What the notebooks share: the environment knobs ({@link org.priorkit.notebook.Knobs}) that let CI
 * run every notebook in seconds and a student run it for real, and the cached synthetic set and
 * small pretraining run ({@link org.priorkit.notebook.Workspace}) so that any notebook runs on its
 * own and all of them reuse the same files.
 */
package org.priorkit.notebook;
