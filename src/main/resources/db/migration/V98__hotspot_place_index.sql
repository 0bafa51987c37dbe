-- Hot-spot clustering looks, after every filing, for the unclustered cases of its category within a
-- few hundred metres filed in the last hours. Through (category, created_at) it read every case of
-- the category in the window (O(cases) a filing, 2 ms at 2,000 cases); through the latitude band
-- first it reads the few cases near it.
create index service_case_category_place on service_case (category, latitude, created_at);
