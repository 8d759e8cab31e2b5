package org.activationlab.examples.report;

import java.util.List;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.models.PaperModels;

/**
 * Tables 3 and 4 of Vĩnh Anh Nghiêm Quân, Nguyễn Lê Trung Thành, Đinh Thị Diệu Minh and Trần Hoài Nhân, "Ảnh
 * hưởng của hàm kích hoạt đến mô hình mạng nơron tích chập" (Impact of activation functions in convolutional
 * neural networks), Tạp chí Khoa học, Trường Đại học Sư phạm, Đại học Huế, 03(51)/2019, pp. 125-134. Times were
 * measured on a GTX 1060; the paper prints them as h:mm:ss (converted to seconds here).
 */
public final class CnnPaper {

    /** The paper's citation, as the reports print it. */
    public static final String CITATION = "Vĩnh Anh Nghiêm Quân, Nguyễn Lê Trung Thành, Đinh Thị Diệu Minh and"
            + " Trần Hoài Nhân, \"Ảnh hưởng của hàm kích hoạt đến mô hình mạng nơron tích chập\" (Impact of activation"
            + " functions in convolutional neural networks), Tạp chí Khoa học, Trường Đại học Sư phạm, Đại học Huế,"
            + " 03(51)/2019, pp. 125-134";
    /** The hardware the paper's times come from. */
    public static final String HARDWARE = "NVIDIA GTX 1060 GPU";

    /** Table 3: PyTorch's MNIST network, Adam, batch 128, 10 epochs, 98% threshold. */
    public static final DawnBenchStudy MNIST_TABLE_3 = new DawnBenchStudy("mnist-cnn", "the MNIST experiment (Table 3)",
            "Table 3", 10, 0.98, 10_000, List.of(
                    new DawnBenchPaperResult(Activations.relu(), 108, 0.14975, 9, 98, 0.0173),
                    new DawnBenchPaperResult(Activations.tanh(), 110, 0.15276, 0, Double.NaN, 0.0209),
                    new DawnBenchPaperResult(Activations.selu(), 108, 0.14916, 7, 76, 0.0162),
                    new DawnBenchPaperResult(Activations.prelu(), 111, 0.14734, 5, 56, 0.0141),
                    new DawnBenchPaperResult(Activations.elu(), 108, 0.14927, 8, 86, 0.0163),
                    new DawnBenchPaperResult(Activations.leakyRelu(0.01), 108, 0.14856, 7, 76, 0.0150)),
            PaperModels::mnistCnn, "The paper's torchsummary table gives 21,840 parameters; a shared PReLU adds one"
                    + " learnable slope per occurrence (3).");

    /** Table 4: VGG-11 with batch norm on CIFAR-10, Adam, batch 128, 50 epochs, 87% threshold. */
    public static final DawnBenchStudy CIFAR10_TABLE_4 = new DawnBenchStudy("cifar10-vgg11",
            "the CIFAR-10 experiment (Table 4)", "Table 4", 50, 0.87, 10_000, List.of(
                    new DawnBenchPaperResult(Activations.relu(), 2858, 0.324384, 15, 868, 0.0991),
                    new DawnBenchPaperResult(Activations.tanh(), 2910, 0.3282, 35, 2027, 0.1258),
                    new DawnBenchPaperResult(Activations.selu(), 2915, 0.325202, 23, 1336, 0.1207),
                    new DawnBenchPaperResult(Activations.prelu(), 2965, 0.327518, 21, 1242, 0.1077),
                    new DawnBenchPaperResult(Activations.elu(), 2873, 0.323012, 21, 1211, 0.1107),
                    new DawnBenchPaperResult(Activations.leakyRelu(0.01), 2896, 0.32579, 14, 819, 0.0957)),
            PaperModels::cifar10Vgg11, "The paper prints 9,231,144 total parameters, but its own rows add up to"
                    + " 9,231,114 (a typo); a shared PReLU adds one learnable slope per occurrence (8).");

    private CnnPaper() {
    }
}
