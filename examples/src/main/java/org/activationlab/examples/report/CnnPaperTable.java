package org.activationlab.examples.report;

import java.util.List;
import java.util.Optional;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.examples.records.ActivationInfo;

/**
 * Table 3 of Vĩnh Anh Nghiêm Quân, Nguyễn Lê Trung Thành, Đinh Thị Diệu Minh and Trần Hoài Nhân, "Ảnh hưởng của
 * hàm kích hoạt đến mô hình mạng nơron tích chập" (Impact of activation functions in convolutional neural
 * networks), Tạp chí Khoa học, Trường Đại học Sư phạm, Đại học Huế, 03(51)/2019, pp. 125-134. Times were measured
 * on a GTX 1060; the paper prints them as h:mm:ss.
 */
public final class CnnPaperTable {

    /** The paper's citation, as the report prints it. */
    public static final String CITATION = "Vĩnh Anh Nghiêm Quân, Nguyễn Lê Trung Thành, Đinh Thị Diệu Minh and"
            + " Trần Hoài Nhân, \"Ảnh hưởng của hàm kích hoạt đến mô hình mạng nơron tích chập\" (Impact of activation"
            + " functions in convolutional neural networks), Tạp chí Khoa học, Trường Đại học Sư phạm, Đại học Huế,"
            + " 03(51)/2019, pp. 125-134";
    /** The hardware the paper's times come from. */
    public static final String HARDWARE = "NVIDIA GTX 1060 GPU";
    public static final int EPOCHS = 10;
    public static final double THRESHOLD = 0.98;

    private static final List<CnnPaperResult> RESULTS = List.of(
            new CnnPaperResult(Activations.relu(), 108, 0.14975, 9, 98, 0.0173),
            new CnnPaperResult(Activations.tanh(), 110, 0.15276, 0, Double.NaN, 0.0209),
            new CnnPaperResult(Activations.selu(), 108, 0.14916, 7, 76, 0.0162),
            new CnnPaperResult(Activations.prelu(), 111, 0.14734, 5, 56, 0.0141),
            new CnnPaperResult(Activations.elu(), 108, 0.14927, 8, 86, 0.0163),
            new CnnPaperResult(Activations.leakyRelu(0.01), 108, 0.14856, 7, 76, 0.0150));

    private CnnPaperTable() {
    }

    /** Every row, in the paper's order: ReLU, Tanh, SELU, PReLU, ELU, LeakyReLU. */
    public static List<CnnPaperResult> results() {
        return RESULTS;
    }

    /** The row with the same activation and hyperparameters, if the paper has one. */
    public static Optional<CnnPaperResult> matching(ActivationInfo a) {
        return RESULTS.stream().filter(r -> r.activation().spec().equals(a.spec())).findFirst();
    }

    /** The position of an activation spec among the paper's rows; others go last. */
    static int rank(String spec) {
        for (int i = 0; i < RESULTS.size(); i++) {
            if (RESULTS.get(i).activation().spec().equals(spec)) {
                return i;
            }
        }
        return RESULTS.size();
    }
}
