package dev.edgeforge.training.realdata;

import dev.edgeforge.core.sample.SampleData;

/**
 * One labelled recording of a real dataset.
 *
 * @param id    unique within its dataset (the file name or line number)
 * @param label the class
 * @param group who or what recorded it when known (the speaker of a spoken digit), else the dataset's name
 * @param index the recording's number within its group and label (fsdd's file index), or its line number
 * @param data  the signal
 */
public record RealSample(String id, String label, String group, int index, SampleData data) {}
