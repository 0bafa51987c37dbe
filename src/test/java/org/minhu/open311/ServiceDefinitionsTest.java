package org.minhu.open311;

import org.junit.jupiter.api.Test;
import org.minhu.cases.Categories;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attributes file is checked when the service starts, so a mistake in it stops the start with
 * the file and the reason instead of reaching a client. Plain JUnit: only reference files are read.
 */
class ServiceDefinitionsTest {

    private final Categories categories = Categories.shipped();

    private ServiceDefinitions load(String yaml) {
        return new ServiceDefinitions(categories,
                ServiceDefinitions.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"), "test.yaml");
    }

    @Test
    void theShippedFileGivesEveryListedServiceItsAttributes() {
        ServiceDefinitions definitions = new ServiceDefinitions(categories);

        assertThat(definitions.attributes("property")).extracting(AttributeDefinition::code).containsExactly("building_room");
        assertThat(definitions.attributes("policy")).isEmpty();
        assertThat(definitions.group("en")).isEqualTo("City services");
    }

    @Test
    void anAttributeForAServiceThatIsNotACategoryStopsTheStart() {
        assertThatThrownBy(() -> load("""
                group: {zh-CN: 城市服务, en: City services}
                attributes:
                  potholes:
                    - {code: depth, datatype: number, required: false, description: {zh-CN: 深度, en: Depth}}
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.yaml: potholes is not a category");
    }

    @Test
    void aListWithoutValuesOrAnUnknownDatatypeStopsTheStart() {
        assertThatThrownBy(() -> load("""
                group: {zh-CN: 城市服务, en: City services}
                attributes:
                  municipal:
                    - {code: blocks_passage, datatype: singlevaluelist, required: true, description: {zh-CN: 是否影响通行, en: "Blocks?"}}
                """))
                .hasMessageContaining("test.yaml").hasMessageContaining("blocks_passage is a singlevaluelist and needs values");
        assertThatThrownBy(() -> load("""
                group: {zh-CN: 城市服务, en: City services}
                attributes:
                  municipal:
                    - {code: size, datatype: integer, required: true, description: {zh-CN: 大小, en: Size}}
                """))
                .hasMessageContaining("test.yaml").hasMessageContaining("integer");
    }

    @Test
    void theSameAttributeTwiceInAServiceStopsTheStart() {
        assertThatThrownBy(() -> load("""
                group: {zh-CN: 城市服务, en: City services}
                attributes:
                  elderly:
                    - {code: age, datatype: number, required: false, description: {zh-CN: 年龄, en: Age}}
                    - {code: age, datatype: number, required: false, description: {zh-CN: 年龄, en: Age}}
                """))
                .hasMessageContaining("elderly has the attribute age twice");
    }
}
