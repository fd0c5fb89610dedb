package org.planreports.ingest;

import java.nio.file.Path;

/** One extract file of the input folder with the SHA-256 of its bytes. */
public record InputFile(String name, Path path, String sha256, long size) {}
