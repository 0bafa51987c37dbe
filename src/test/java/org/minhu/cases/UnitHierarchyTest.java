package org.minhu.cases;

import org.junit.jupiter.api.Test;
import org.minhu.reference.ReferenceDataException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The unit hierarchy as admins write it: plain JUnit, the document's checks need no container. */
class UnitHierarchyTest {

    @Test
    void theShippedLadderGoesFromCommunityThroughStreetToDistrict() {
        UnitHierarchy hierarchy = UnitHierarchy.shipped();

        assertThat(hierarchy.chain("第五园社区工作站")).containsExactly("第五园社区工作站", "坂田街道办事处", "龙岗区民生诉求服务中心");
        assertThat(hierarchy.escalating()).containsEntry("第五园社区工作站", Duration.ofHours(48))
                .doesNotContainKey("坂田街道办事处");
        assertThat(hierarchy.parentOf("没有列出的单位")).isEmpty();
        assertThat(hierarchy.chain("没有列出的单位")).containsExactly("没有列出的单位");
    }

    @Test
    void aParentThatIsNotListedIsRefusedInChinese() {
        assertThatThrownBy(() -> UnitHierarchy.parse("units", """
                units:
                  - {name: 甲社区, level: community, parent: 乙街道}
                """)).isInstanceOf(ReferenceDataException.class).hasMessageContaining("乙街道 不在单位列表中");
    }

    @Test
    void aParentBelowItsChildIsRefused() {
        assertThatThrownBy(() -> UnitHierarchy.parse("units", """
                units:
                  - {name: 甲社区, level: community}
                  - {name: 乙街道, level: street, parent: 甲社区}
                """)).isInstanceOf(ReferenceDataException.class).hasMessageContaining("上级不能低于下级");
    }

    @Test
    void aLadderThatLoopsBackIsRefused() {
        assertThatThrownBy(() -> UnitHierarchy.parse("units", """
                units:
                  - {name: 甲街道, level: street, parent: 乙街道}
                  - {name: 乙街道, level: street, parent: 甲街道}
                """)).isInstanceOf(ReferenceDataException.class).hasMessageContaining("绕回了自己");
    }

    @Test
    void raisingNeedsAParentAndAPositiveTime() {
        assertThatThrownBy(() -> UnitHierarchy.parse("units", """
                units:
                  - {name: 甲社区, level: community, escalateAfterHours: 48}
                """)).isInstanceOf(ReferenceDataException.class).hasMessageContaining("不能设置 escalateAfterHours");
        assertThatThrownBy(() -> UnitHierarchy.parse("units", """
                units:
                  - {name: 甲街道, level: street}
                  - {name: 甲社区, level: community, parent: 甲街道, escalateAfterHours: -1}
                """)).isInstanceOf(ReferenceDataException.class).hasMessageContaining("正整数");
        assertThatThrownBy(() -> UnitHierarchy.parse("units", """
                units:
                  - {name: 甲社区, level: village}
                """)).isInstanceOf(ReferenceDataException.class).hasMessageContaining("district、street 或 community");
    }
}
